// Spanish (Español): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const es: Messages = {
  processing: 'Procesando tu pago…',
  checking: 'Estamos comprobando tu pago con el banco. Espera y no vuelvas a pagar.',
  success: 'Pago realizado correctamente. ¡Gracias!',
  redirecting: 'Te estamos llevando a tu banco para confirmar el pago…',
  payByCard: 'Pagar con tarjeta',
  invalidData: 'Este botón de pago no está configurado correctamente',
  failure: {
    declined: 'El pago ha sido rechazado. Prueba con otra tarjeta.',
    currency: 'Esta tarjeta no permite pagar en esta moneda. Prueba con otra tarjeta.',
    issuer: 'El emisor de tu tarjeta no es compatible. Prueba con otra tarjeta.',
    threeDs: 'No se ha podido verificar esta tarjeta con 3-D Secure. Prueba con otra tarjeta.',
    amountLimit: 'Este importe está fuera de los límites permitidos para este pago.',
    blocked: 'Esta tarjeta no se puede usar para este pago. Prueba con otra tarjeta.',
    timeout: 'El pago ha tardado demasiado y no se ha completado. Inténtalo de nuevo.',
    unavailable: 'El servicio de pago no está disponible temporalmente. Inténtalo de nuevo en un momento.',
    shopSetup: 'La tienda no puede aceptar este pago en este momento. Ponte en contacto con la tienda.',
    unknownOutcome: 'No hemos podido confirmar tu pago. No vuelvas a pagar: revisa tu correo electrónico o ponte en contacto con la tienda.',
    duplicate: 'Este pago ya se ha enviado. Actualiza la página antes de volver a pagar.',
    generic: 'No se ha podido completar el pago. Inténtalo de nuevo o usa otra tarjeta.',
  },
};

export default es;
