// Portuguese (Português): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const pt: Messages = {
  processing: 'A processar o seu pagamento…',
  checking: 'Estamos a verificar o seu pagamento junto do banco. Aguarde e não pague novamente.',
  success: 'Pagamento concluído. Obrigado!',
  redirecting: 'A redirecionar para o seu banco para confirmar o pagamento…',
  payByCard: 'Pagar com cartão',
  invalidData: 'Este botão de pagamento não está configurado corretamente',
  failure: {
    declined: 'O pagamento foi recusado. Experimente outro cartão.',
    currency: 'Este cartão não permite pagar nesta moeda. Experimente outro cartão.',
    issuer: 'O emissor do seu cartão não é suportado. Experimente outro cartão.',
    threeDs: 'Não foi possível verificar este cartão com o 3-D Secure. Experimente outro cartão.',
    amountLimit: 'Este montante está fora dos limites permitidos para este pagamento.',
    blocked: 'Este cartão não pode ser utilizado para este pagamento. Experimente outro cartão.',
    timeout: 'O pagamento demorou demasiado tempo e não foi concluído. Tente novamente.',
    unavailable: 'O serviço de pagamento está temporariamente indisponível. Tente novamente dentro de momentos.',
    shopSetup: 'A loja não pode aceitar este pagamento neste momento. Contacte a loja.',
    unknownOutcome: 'Não foi possível confirmar o seu pagamento. Não pague novamente: verifique o seu e-mail ou contacte a loja.',
    duplicate: 'Este pagamento já foi enviado. Atualize a página antes de pagar novamente.',
    generic: 'Não foi possível concluir o pagamento. Tente novamente ou utilize outro cartão.',
  },
};

export default pt;
