// Swedish (Svenska): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const sv: Messages = {
  processing: 'Din betalning behandlas …',
  checking: 'Vi kontrollerar din betalning med banken. Vänta och betala inte igen.',
  success: 'Betalningen är genomförd. Tack!',
  redirecting: 'Du skickas till din bank för att bekräfta betalningen …',
  payByCard: 'Betala med kort',
  invalidData: 'Den här betalknappen är inte korrekt inställd',
  failure: {
    declined: 'Betalningen nekades. Försök med ett annat kort.',
    currency: 'Det här kortet kan inte betala i den här valutan. Försök med ett annat kort.',
    issuer: 'Utfärdaren av ditt kort stöds inte. Försök med ett annat kort.',
    threeDs: 'Kortet kunde inte verifieras med 3-D Secure. Försök med ett annat kort.',
    amountLimit: 'Beloppet ligger utanför de gränser som tillåts för den här betalningen.',
    blocked: 'Det här kortet kan inte användas för den här betalningen. Försök med ett annat kort.',
    timeout: 'Betalningen tog för lång tid och slutfördes inte. Försök igen.',
    unavailable: 'Betaltjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    shopSetup: 'Butiken kan inte ta emot den här betalningen just nu. Kontakta butiken.',
    unknownOutcome: 'Vi kunde inte bekräfta din betalning. Betala inte igen: kontrollera din e-post eller kontakta butiken.',
    duplicate: 'Den här betalningen har redan skickats. Uppdatera sidan innan du betalar igen.',
    generic: 'Betalningen kunde inte slutföras. Försök igen eller använd ett annat kort.',
  },
};

export default sv;
