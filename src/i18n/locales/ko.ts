// Korean (한국어): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const ko: Messages = {
  processing: '결제를 처리하고 있습니다…',
  checking: '은행에서 결제를 확인하고 있습니다. 잠시 기다려 주시고 다시 결제하지 마세요.',
  success: '결제가 완료되었습니다. 감사합니다!',
  redirecting: '결제를 확인하기 위해 은행으로 이동하고 있습니다…',
  payByCard: '카드로 결제',
  invalidData: '이 결제 버튼이 올바르게 설정되지 않았습니다',
  failure: {
    declined: '결제가 거절되었습니다. 다른 카드를 사용해 보세요.',
    currency: '이 카드로는 이 통화로 결제할 수 없습니다. 다른 카드를 사용해 보세요.',
    issuer: '카드 발급사가 지원되지 않습니다. 다른 카드를 사용해 보세요.',
    threeDs: '이 카드를 3-D Secure로 인증할 수 없습니다. 다른 카드를 사용해 보세요.',
    amountLimit: '이 금액은 이 결제에 허용된 한도를 벗어납니다.',
    blocked: '이 카드는 이 결제에 사용할 수 없습니다. 다른 카드를 사용해 보세요.',
    timeout: '결제 시간이 너무 오래 걸려 완료되지 않았습니다. 다시 시도해 주세요.',
    unavailable: '결제 서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    shopSetup: '지금은 상점에서 이 결제를 받을 수 없습니다. 상점에 문의해 주세요.',
    unknownOutcome: '결제를 확인할 수 없습니다. 다시 결제하지 마세요. 이메일을 확인하거나 상점에 문의해 주세요.',
    duplicate: '이 결제는 이미 제출되었습니다. 다시 결제하기 전에 페이지를 새로 고쳐 주세요.',
    generic: '결제를 완료할 수 없습니다. 다시 시도하거나 다른 카드를 사용해 주세요.',
  },
};

export default ko;
