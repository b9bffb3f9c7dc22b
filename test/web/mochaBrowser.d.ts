// mocha's prebuilt browser build ships no types; loading it defines the global `mocha`, which
// @types/mocha declares.
declare module 'mocha/mocha.js';
