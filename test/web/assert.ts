// The part of `node:assert/strict` the integration suite uses, for the browser's web worker host,
// where Node's assert is missing. The web suite's bundle resolves `node:assert/strict` here.
// Failures carry `actual`, `expected` and `showDiff`, so mocha prints the same diff as in Node.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  readonly code = 'ERR_ASSERTION';
  readonly showDiff: boolean;

  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
    readonly operator?: string,
  ) {
    super(message);
    this.showDiff = operator === 'deepStrictEqual' || operator === 'strictEqual';
  }
}

type Message = string | Error | undefined;

function fail(message: Message, fallback: string, actual?: unknown, expected?: unknown, operator?: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Node's deep strict equality for the values tests compare: primitives, arrays, plain objects, dates, regexps, typed arrays, maps and sets. */
function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array((b as ArrayBufferView).buffer, (b as ArrayBufferView).byteOffset, (b as ArrayBufferView).byteLength);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([key, value]) => other.has(key) && isDeepStrictEqual(value, other.get(key)));
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((value) => other.has(value));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && isDeepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true, '==');
}

export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`, actual, expected, 'strictEqual');
}

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected, 'notStrictEqual');
}

export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) fail(message, 'Expected values to be strictly deep-equal', actual, expected, 'deepStrictEqual');
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (isDeepStrictEqual(actual, expected)) fail(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, actual, expected, 'notDeepStrictEqual');
}

export function match(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || !pattern.test(value)) fail(message, `The input did not match the regular expression ${pattern}. Input:\n\n${show(value)}\n`, value, pattern, 'match');
}

export function doesNotMatch(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || pattern.test(value)) fail(message, `The input was expected to not match the regular expression ${pattern}. Input:\n\n${show(value)}\n`, value, pattern, 'doesNotMatch');
}

/** Awaits the promise (or the function's promise) and checks that it rejects, with an error matching `expected` when given. */
export async function rejects(block: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp | ((error: unknown) => boolean) | object | string, message?: Message): Promise<void> {
  // As in Node, a string in second place is the message.
  if (typeof expected === 'string') [expected, message] = [undefined, expected];
  try {
    await (typeof block === 'function' ? block() : block);
  } catch (error) {
    if (expected === undefined) return;
    const text = error instanceof Error ? error.message : String(error);
    if (expected instanceof RegExp) {
      if (!expected.test(text)) fail(message, `The error "${text}" does not match ${expected}`, error, expected, 'rejects');
    } else if (typeof expected === 'function') {
      if (!(expected as (error: unknown) => boolean)(error)) fail(message, `The error "${text}" was not the one expected`, error, expected, 'rejects');
    } else {
      for (const [key, value] of Object.entries(expected)) {
        const got = (error as Record<string, unknown>)[key];
        const same = value instanceof RegExp ? typeof got === 'string' && value.test(got) : isDeepStrictEqual(got, value);
        if (!same) fail(message, `The error's ${key} is ${show(got)}, not ${show(value)}`, error, expected, 'rejects');
      }
    }
    return;
  }
  fail(message, 'Missing expected rejection.', undefined, expected, 'rejects');
}
