// @nlpjs/basic ships no types; nlu/classifier/nlpjs-member.ts describes the calls it makes.
declare module '@nlpjs/basic' {
  const nlpjs: unknown;
  export default nlpjs;
}
