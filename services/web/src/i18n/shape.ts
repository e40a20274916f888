/** A dictionary of the same keys as T, every word a string: how Dutch is typed against English. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
