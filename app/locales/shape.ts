/** The same keys as the Swedish texts, with any string values (for the English file). */
export type Shape<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : { [K in keyof T]: Shape<T[K]> };
