import type { PropertyDeclaration } from 'lit';

/**
 * One entry of an element's `static properties` table: Lit's options, tagged with the property's
 * type. Written `{ …options } as Property<T>`: the cast is erased at build time, so the tag costs
 * no byte, and the manifest's plugin (custom-elements-manifest.config.mjs) reads `T` from it.
 */
export type Property<T> = PropertyDeclaration<T> & { readonly type_?: T };

/** The instance fields a table of `Property<T>` entries declares. */
export type FieldsOf<Table> = { -readonly [K in keyof Table]: Table[K] extends Property<infer T> ? T : never };
