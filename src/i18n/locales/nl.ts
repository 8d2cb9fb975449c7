// Dutch (Nederlands): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const nl: Messages = {
  processing: 'Je betaling wordt verwerkt…',
  checking: 'We controleren je betaling bij de bank. Even geduld, en betaal niet opnieuw.',
  success: 'Betaling geslaagd. Bedankt!',
  redirecting: 'Je wordt naar je bank gestuurd om de betaling te bevestigen…',
  payByCard: 'Betalen met kaart',
  invalidData: 'Deze betaalknop is niet goed ingesteld',
  failure: {
    declined: 'De betaling is geweigerd. Probeer een andere kaart.',
    currency: 'Met deze kaart kun je niet in deze valuta betalen. Probeer een andere kaart.',
    issuer: 'De uitgever van je kaart wordt niet ondersteund. Probeer een andere kaart.',
    threeDs: 'Deze kaart kon niet worden geverifieerd met 3-D Secure. Probeer een andere kaart.',
    amountLimit: 'Dit bedrag valt buiten de toegestane grenzen voor deze betaling.',
    blocked: 'Deze kaart kan niet voor deze betaling worden gebruikt. Probeer een andere kaart.',
    timeout: 'De betaling duurde te lang en is niet voltooid. Probeer het opnieuw.',
    unavailable: 'De betaaldienst is tijdelijk niet beschikbaar. Probeer het zo meteen opnieuw.',
    shopSetup: 'De winkel kan deze betaling nu niet aannemen. Neem contact op met de winkel.',
    unknownOutcome: 'We konden je betaling niet bevestigen. Betaal niet opnieuw: controleer je e-mail of neem contact op met de winkel.',
    duplicate: 'Deze betaling is al verstuurd. Vernieuw de pagina voordat je opnieuw betaalt.',
    generic: 'De betaling kon niet worden voltooid. Probeer het opnieuw of gebruik een andere kaart.',
  },
};

export default nl;
