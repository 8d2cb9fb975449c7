// Finnish (Suomi): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const fi: Messages = {
  processing: 'Maksuasi käsitellään…',
  checking: 'Tarkistamme maksuasi pankista. Odota äläkä maksa uudelleen.',
  success: 'Maksu onnistui. Kiitos!',
  redirecting: 'Sinut ohjataan pankkiisi vahvistamaan maksu…',
  payByCard: 'Maksa kortilla',
  invalidData: 'Tätä maksupainiketta ei ole määritetty oikein',
  failure: {
    declined: 'Maksu hylättiin. Kokeile toista korttia.',
    currency: 'Tällä kortilla ei voi maksaa tässä valuutassa. Kokeile toista korttia.',
    issuer: 'Korttisi myöntäjää ei tueta. Kokeile toista korttia.',
    threeDs: 'Korttia ei voitu vahvistaa 3-D Securella. Kokeile toista korttia.',
    amountLimit: 'Summa ei ole tälle maksulle sallituissa rajoissa.',
    blocked: 'Tätä korttia ei voi käyttää tähän maksuun. Kokeile toista korttia.',
    timeout: 'Maksu kesti liian kauan eikä sitä suoritettu loppuun. Yritä uudelleen.',
    unavailable: 'Maksupalvelu ei ole tilapäisesti käytettävissä. Yritä hetken kuluttua uudelleen.',
    shopSetup: 'Kauppa ei voi ottaa tätä maksua vastaan juuri nyt. Ota yhteyttä kauppaan.',
    unknownOutcome: 'Emme voineet vahvistaa maksuasi. Älä maksa uudelleen: tarkista sähköpostisi tai ota yhteyttä kauppaan.',
    duplicate: 'Tämä maksu on jo lähetetty. Päivitä sivu ennen kuin maksat uudelleen.',
    generic: 'Maksua ei voitu suorittaa. Yritä uudelleen tai käytä toista korttia.',
  },
};

export default fi;
