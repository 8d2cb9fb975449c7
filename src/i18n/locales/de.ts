// German (Deutsch): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const de: Messages = {
  processing: 'Ihre Zahlung wird verarbeitet…',
  checking: 'Wir prüfen Ihre Zahlung bei der Bank. Bitte warten Sie und zahlen Sie nicht noch einmal.',
  success: 'Zahlung erfolgreich. Vielen Dank!',
  redirecting: 'Sie werden zur Bestätigung der Zahlung zu Ihrer Bank weitergeleitet…',
  payByCard: 'Mit Karte bezahlen',
  invalidData: 'Diese Zahlungsschaltfläche ist nicht richtig eingerichtet',
  failure: {
    declined: 'Die Zahlung wurde abgelehnt. Bitte versuchen Sie es mit einer anderen Karte.',
    currency: 'Mit dieser Karte kann nicht in dieser Währung bezahlt werden. Bitte versuchen Sie es mit einer anderen Karte.',
    issuer: 'Der Herausgeber Ihrer Karte wird nicht unterstützt. Bitte versuchen Sie es mit einer anderen Karte.',
    threeDs: 'Diese Karte konnte nicht mit 3-D Secure bestätigt werden. Bitte versuchen Sie es mit einer anderen Karte.',
    amountLimit: 'Dieser Betrag liegt außerhalb der für diese Zahlung zulässigen Grenzen.',
    blocked: 'Diese Karte kann für diese Zahlung nicht verwendet werden. Bitte versuchen Sie es mit einer anderen Karte.',
    timeout: 'Die Zahlung hat zu lange gedauert und wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.',
    unavailable: 'Der Zahlungsdienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.',
    shopSetup: 'Der Shop kann diese Zahlung gerade nicht annehmen. Bitte wenden Sie sich an den Shop.',
    unknownOutcome: 'Wir konnten Ihre Zahlung nicht bestätigen. Bitte zahlen Sie nicht noch einmal: Prüfen Sie Ihre E-Mails oder wenden Sie sich an den Shop.',
    duplicate: 'Diese Zahlung wurde bereits übermittelt. Bitte laden Sie die Seite neu, bevor Sie erneut zahlen.',
    generic: 'Die Zahlung konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
  },
};

export default de;
