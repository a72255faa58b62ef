// iso-639-1 ships no types; palermo uses only this part of it.
declare module 'iso-639-1' {
  const ISO6391: {
    getAllCodes(): string[];
    getName(code: string): string;
    validate(code: string): boolean;
  };
  export default ISO6391;
}
