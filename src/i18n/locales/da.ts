// Danish (Dansk): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const da: Messages = {
  processing: 'Din betaling behandles…',
  checking: 'Vi tjekker din betaling hos banken. Vent venligst, og betal ikke igen.',
  success: 'Betalingen er gennemført. Tak!',
  redirecting: 'Du sendes videre til din bank for at bekræfte betalingen…',
  payByCard: 'Betal med kort',
  invalidData: 'Denne betalingsknap er ikke sat korrekt op',
  failure: {
    declined: 'Betalingen blev afvist. Prøv et andet kort.',
    currency: 'Dette kort kan ikke betale i denne valuta. Prøv et andet kort.',
    issuer: 'Udstederen af dit kort understøttes ikke. Prøv et andet kort.',
    threeDs: 'Kortet kunne ikke bekræftes med 3-D Secure. Prøv et andet kort.',
    amountLimit: 'Beløbet ligger uden for de tilladte grænser for denne betaling.',
    blocked: 'Dette kort kan ikke bruges til denne betaling. Prøv et andet kort.',
    timeout: 'Betalingen tog for lang tid og blev ikke gennemført. Prøv igen.',
    unavailable: 'Betalingstjenesten er midlertidigt utilgængelig. Prøv igen om et øjeblik.',
    shopSetup: 'Butikken kan ikke modtage denne betaling lige nu. Kontakt butikken.',
    unknownOutcome: 'Vi kunne ikke bekræfte din betaling. Betal ikke igen: tjek din e-mail, eller kontakt butikken.',
    duplicate: 'Denne betaling er allerede sendt. Opdater siden, før du betaler igen.',
    generic: 'Betalingen kunne ikke gennemføres. Prøv igen, eller brug et andet kort.',
  },
};

export default da;
