// The focus moves through template refs: to an element, to a component that exposes focus()
// (KqField, ConsigneeForm, ProductPicker, DatePicker), or to one that renders a single element
// (van-button).
import type { ComponentPublicInstance } from 'vue'

export type FocusTarget = HTMLElement | { focus (): void } | ComponentPublicInstance | null | undefined

export function focus (target: FocusTarget): void {
  if (!target) return
  if ('focus' in target && typeof target.focus === 'function') target.focus()
  else if ('$el' in target && target.$el instanceof HTMLElement) target.$el.focus()
}
