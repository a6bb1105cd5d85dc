// Q&A: members ask the host or a guest; answers public to the circle or private.
// The host (admin) names the answerers with their price and refund days.
import type { ActionMap } from '../platform/define-action'
import { answerQuestion, askQuestion, getQuestion, listQuestions, payQuestion, questionQueue } from '../domain/questions/questions'
import { askOptions, questionSettings, updateQuestionSettings } from '../domain/questions/settings'
import { answerQuestionInput, askQuestionInput, circleIdOnlyInput, listQuestionsInput, questionIdInput, questionQueueInput, updateQuestionSettingsInput } from '../domain/questions/schemas'

const CIRCLE = 'circle_example'
const QUESTION = 'q_example'

export const questionActions: Pick<
  ActionMap<'questions'>,
  'askOptions' | 'askQuestion' | 'payQuestion' | 'question' | 'questions' | 'questionQueue' | 'answerQuestion' | 'questionSettings' | 'updateQuestionSettings'
> = {
  askOptions: { role: 'member', input: circleIdOnlyInput, example: { circleId: CIRCLE }, handle: (input, { runtime, caller, now }) => askOptions(runtime, caller, input.circleId, now) },
  askQuestion: {
    role: 'member',
    input: askQuestionInput,
    example: { circleId: CIRCLE, answererOpenid: 'o_guest', text: '请问每天吃多少蛋白质合适？', visibility: 'public', requestId: 'ask-00000001' },
    handle: (input, { runtime, caller, now }) => askQuestion(runtime, caller, input, now)
  },
  payQuestion: { role: 'member', input: questionIdInput, example: { questionId: QUESTION }, handle: (input, { runtime, caller, now }) => payQuestion(runtime, caller, input.questionId, now) },
  question: { role: 'member', input: questionIdInput, example: { questionId: QUESTION }, handle: (input, { runtime, caller, now }) => getQuestion(runtime, caller, input.questionId, now) },
  questions: { role: 'member', input: listQuestionsInput, example: { circleId: CIRCLE, scope: 'answered' }, handle: (input, { runtime, caller, now }) => listQuestions(runtime, caller, input, now) },
  questionQueue: { role: 'member', input: questionQueueInput, example: { status: 'open' }, handle: (input, { runtime, caller }) => questionQueue(runtime, caller, input) },
  answerQuestion: {
    role: 'member',
    input: answerQuestionInput,
    example: { questionId: QUESTION, text: '每公斤体重 1.2–1.6 克。', photoFileIds: [] },
    // The answer and the refund timer race on the question: once the question moved on, a rerun answers the refusal.
    handle: (input, { runtime, caller, now }) => answerQuestion(runtime, caller, input, now)
  },
  questionSettings: { role: 'admin', input: circleIdOnlyInput, example: { circleId: CIRCLE }, handle: (input, { runtime }) => questionSettings(runtime, input.circleId) },
  updateQuestionSettings: {
    role: 'admin',
    input: updateQuestionSettingsInput,
    example: { circleId: CIRCLE, answerers: [{ openid: 'o_guest', priceFen: 990, refundDays: 7 }] },
    handle: (input, { runtime, caller, now }) => updateQuestionSettings(runtime, caller, input, now)
  }
}
