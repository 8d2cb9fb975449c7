// Italian (Italiano): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const it: Messages = {
  processing: 'Elaborazione del pagamento in corso…',
  checking: 'Stiamo verificando il pagamento con la banca. Attendi e non pagare di nuovo.',
  success: 'Pagamento riuscito. Grazie!',
  redirecting: 'Ti stiamo indirizzando alla tua banca per confermare il pagamento…',
  payByCard: 'Paga con carta',
  invalidData: 'Questo pulsante di pagamento non è configurato correttamente',
  failure: {
    declined: 'Il pagamento è stato rifiutato. Prova con un’altra carta.',
    currency: 'Con questa carta non è possibile pagare in questa valuta. Prova con un’altra carta.',
    issuer: 'L’emittente della tua carta non è supportato. Prova con un’altra carta.',
    threeDs: 'Non è stato possibile verificare questa carta con 3-D Secure. Prova con un’altra carta.',
    amountLimit: 'Questo importo è fuori dai limiti consentiti per questo pagamento.',
    blocked: 'Questa carta non può essere usata per questo pagamento. Prova con un’altra carta.',
    timeout: 'Il pagamento ha richiesto troppo tempo e non è stato completato. Riprova.',
    unavailable: 'Il servizio di pagamento è temporaneamente non disponibile. Riprova tra un momento.',
    shopSetup: 'Il negozio non può accettare questo pagamento in questo momento. Contatta il negozio.',
    unknownOutcome: 'Non è stato possibile confermare il pagamento. Non pagare di nuovo: controlla la tua e-mail o contatta il negozio.',
    duplicate: 'Questo pagamento è già stato inviato. Aggiorna la pagina prima di pagare di nuovo.',
    generic: 'Non è stato possibile completare il pagamento. Riprova o usa un’altra carta.',
  },
};

export default it;
