/**
 * `make(object)` made once per object and kept as long as the object lives: for values derived
 * from kept data (a kept entry, a kept ability, a page's rules), which are the same object from
 * view to view until their data changes.
 */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = make(key);
    kept.set(key, value);
    return value;
  };
}
