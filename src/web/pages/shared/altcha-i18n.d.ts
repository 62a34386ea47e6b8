// ALTCHA's language files register themselves on import and export nothing.
declare module 'altcha/i18n/zh-cn'
