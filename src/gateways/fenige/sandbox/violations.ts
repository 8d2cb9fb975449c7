import { isKnownCurrency } from '../../../protocol/index.js';

/**
 * A Spring Bean Validation look-alike: collects `field path → messages` for Fenige's E8000
 * `errors` map, with Spring's wording ("must not be null", "must not be blank", …).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export class Violations {
  readonly errors: Record<string, string[]> = {};

  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  add(path: string, message: string): void {
    (this.errors[path] ??= []).push(message);
  }

  /** Not null and not blank; a missing field gets both messages, as in Fenige's example. */
  text(path: string, value: unknown, max = 255): string | undefined {
    if (value === undefined || value === null) {
      this.add(path, 'must not be null');
      this.add(path, 'must not be blank');
      return undefined;
    }
    if (typeof value !== 'string') return (this.add(path, 'must be a string'), undefined);
    if (value.trim() === '') return (this.add(path, 'must not be blank'), undefined);
    if (value.length > max) return (this.add(path, `size must be between 1 and ${max}`), undefined);
    return value;
  }

  optionalText(path: string, value: unknown, max = 255): string | undefined {
    return value === undefined || value === null ? undefined : this.text(path, value, max);
  }

  uuid(path: string, value: unknown): string | undefined {
    const text = this.text(path, value, 36);
    if (text !== undefined && !UUID.test(text)) return (this.add(path, 'must be a valid UUID'), undefined);
    return text?.toLowerCase();
  }

  /** An integer number of pennies ≥ `min`. */
  pennies(path: string, value: unknown, min = 1): number | undefined {
    if (value === undefined || value === null) return (this.add(path, 'must not be null'), undefined);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return (this.add(path, 'must be a number (pennies)'), undefined);
    }
    if (!Number.isInteger(value)) return (this.add(path, 'must be an integer number of pennies'), undefined);
    if (value < min) {
      const message = min === 1 ? 'must be greater than 0' : `must be greater than or equal to ${min}`;
      return (this.add(path, message), undefined);
    }
    if (!Number.isSafeInteger(value)) {
      return (this.add(path, `must be less than or equal to ${Number.MAX_SAFE_INTEGER}`), undefined);
    }
    return value;
  }

  currency(path: string, value: unknown): string | undefined {
    const text = this.text(path, value, 3);
    if (text !== undefined && !isKnownCurrency(text)) {
      return (this.add(path, 'must be a valid ISO 4217 currency code, such as PLN'), undefined);
    }
    return text;
  }

  optionalEmail(path: string, value: unknown): string | undefined {
    const text = this.optionalText(path, value, 254);
    if (text !== undefined && !EMAIL.test(text)) {
      return (this.add(path, 'must be a well-formed email address'), undefined);
    }
    return text;
  }

  boolean(path: string, value: unknown): boolean | undefined {
    if (value === undefined || value === null) return (this.add(path, 'must not be null'), undefined);
    if (typeof value !== 'boolean') return (this.add(path, 'must be true or false'), undefined);
    return value;
  }

  optionalBoolean(path: string, value: unknown): boolean | undefined {
    return value === undefined || value === null ? undefined : this.boolean(path, value);
  }

  /** An absolute http(s) URL. */
  url(path: string, value: unknown): string | undefined {
    const text = this.text(path, value, 2048);
    if (text === undefined) return undefined;
    const parsed = URL.canParse(text) ? new URL(text) : undefined;
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      return (this.add(path, 'must be a valid absolute http(s) URL'), undefined);
    }
    return text;
  }

  object(path: string, value: unknown): Json | undefined {
    if (value === undefined || value === null) return (this.add(path, 'must not be null'), undefined);
    if (!isObject(value)) return (this.add(path, 'must be an object'), undefined);
    return value;
  }

  optionalObject(path: string, value: unknown): Json | undefined {
    return value === undefined || value === null ? undefined : this.object(path, value);
  }

  /** A non-empty array of non-blank strings. */
  strings(path: string, value: unknown): string[] | undefined {
    if (value === undefined || value === null) return (this.add(path, 'must not be null'), undefined);
    if (!Array.isArray(value) || value.length === 0 || !value.every((s) => typeof s === 'string' && s !== '')) {
      return (this.add(path, 'must be a non-empty list of strings'), undefined);
    }
    return value as string[];
  }
}

export { isObject };
