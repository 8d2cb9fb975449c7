// Slovak (Slovenčina): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const sk: Messages = {
  processing: 'Spracúvame vašu platbu…',
  checking: 'Overujeme vašu platbu v banke. Počkajte, prosím, a neplaťte znova.',
  success: 'Platba prebehla úspešne. Ďakujeme!',
  redirecting: 'Presmerúvame vás do vašej banky na potvrdenie platby…',
  payByCard: 'Zaplatiť kartou',
  invalidData: 'Toto platobné tlačidlo nie je správne nastavené',
  failure: {
    declined: 'Platba bola zamietnutá. Skúste, prosím, inú kartu.',
    currency: 'Touto kartou nemožno platiť v tejto mene. Skúste, prosím, inú kartu.',
    issuer: 'Vydavateľ vašej karty nie je podporovaný. Skúste, prosím, inú kartu.',
    threeDs: 'Kartu sa nepodarilo overiť pomocou 3-D Secure. Skúste, prosím, inú kartu.',
    amountLimit: 'Táto suma je mimo povolených limitov pre túto platbu.',
    blocked: 'Túto kartu nemožno použiť na túto platbu. Skúste, prosím, inú kartu.',
    timeout: 'Platba trvala príliš dlho a nebola dokončená. Skúste to, prosím, znova.',
    unavailable: 'Platobná služba je dočasne nedostupná. Skúste to, prosím, o chvíľu znova.',
    shopSetup: 'Obchod teraz nemôže prijať túto platbu. Obráťte sa, prosím, na obchod.',
    unknownOutcome: 'Vašu platbu sa nepodarilo potvrdiť. Neplaťte, prosím, znova: skontrolujte svoj e-mail alebo sa obráťte na obchod.',
    duplicate: 'Táto platba už bola odoslaná. Pred ďalšou platbou, prosím, obnovte stránku.',
    generic: 'Platbu sa nepodarilo dokončiť. Skúste to, prosím, znova alebo použite inú kartu.',
  },
};

export default sk;
