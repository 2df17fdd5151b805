// opencc-js ships its dictionaries as plain ES modules ("trad simp [alt…]|…") without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
