// @nlpjs/lang-en-min ships no types; we use only its English analysis classes.
declare module '@nlpjs/lang-en-min' {
  const lang: {
    StemmerEn: new () => { stem(word: string): string };
    StopwordsEn: new () => { isStopword(word: string): boolean };
    TokenizerEn: new () => { tokenize(text: string, normalize?: boolean): string[] };
    NormalizerEn: new () => { normalize(text: string): string };
  };
  export default lang;
}
