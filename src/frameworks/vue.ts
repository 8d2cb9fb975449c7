/**
 * `paytool-elements/vue` — Vue 3 typings for `<paytool-button>` and `<feennex-pay>` in templates
 * (Volar / vue-tsc). Opt in once per project: `import type {} from 'paytool-elements/vue';`
 *
 * At run time Vue must treat the tags as custom elements (`compilerOptions.isCustomElement`); it
 * then sets `:data` as a property and turns `@payment-success` into a listener for
 * `payment-success`.
 */
import type { DefineComponent } from 'vue';
import type { PaymentEventMap } from '../elements/events.js';
import type { PaymentElementProperties, PaymentEventHandlerProps } from './element-props.js';

/** The elements' events as Vue emits, each with its event's `detail` type. */
export type PaymentElementEmits = {
  [K in keyof PaymentEventMap]: (event: PaymentEventMap[K]) => void;
};

/** Vue's own default for the component slots the elements do not use (raw bindings, data, computed, methods, mixins, extends). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- DefineComponent's defaults are `{}`; anything narrower breaks Volar's inference
type NoMembers = {};

/** `<paytool-button>` / `<feennex-pay>` as a Vue component type: props (camelCase, as Vue normalises kebab-case attributes) and emits. */
export type PaymentElementVueComponent = DefineComponent<
  PaymentElementProperties & PaymentEventHandlerProps,
  NoMembers,
  NoMembers,
  NoMembers,
  NoMembers,
  NoMembers,
  NoMembers,
  PaymentElementEmits
>;

declare module 'vue' {
  interface GlobalComponents {
    'paytool-button': PaymentElementVueComponent;
    'feennex-pay': PaymentElementVueComponent;
  }
}
