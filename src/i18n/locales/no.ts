// Norwegian (Bokmål) (Norsk): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const no: Messages = {
  processing: 'Betalingen din behandles …',
  checking: 'Vi sjekker betalingen din hos banken. Vent litt, og ikke betal på nytt.',
  success: 'Betalingen er gjennomført. Takk!',
  redirecting: 'Du sendes til banken din for å bekrefte betalingen …',
  payByCard: 'Betal med kort',
  invalidData: 'Denne betalingsknappen er ikke riktig satt opp',
  failure: {
    declined: 'Betalingen ble avvist. Prøv et annet kort.',
    currency: 'Dette kortet kan ikke betale i denne valutaen. Prøv et annet kort.',
    issuer: 'Utstederen av kortet ditt støttes ikke. Prøv et annet kort.',
    threeDs: 'Kortet kunne ikke bekreftes med 3-D Secure. Prøv et annet kort.',
    amountLimit: 'Beløpet er utenfor grensene som er tillatt for denne betalingen.',
    blocked: 'Dette kortet kan ikke brukes til denne betalingen. Prøv et annet kort.',
    timeout: 'Betalingen tok for lang tid og ble ikke fullført. Prøv igjen.',
    unavailable: 'Betalingstjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
    shopSetup: 'Butikken kan ikke ta imot denne betalingen akkurat nå. Kontakt butikken.',
    unknownOutcome: 'Vi kunne ikke bekrefte betalingen din. Ikke betal på nytt: sjekk e-posten din eller kontakt butikken.',
    duplicate: 'Denne betalingen er allerede sendt. Last inn siden på nytt før du betaler igjen.',
    generic: 'Betalingen kunne ikke fullføres. Prøv igjen eller bruk et annet kort.',
  },
};

export default no;
