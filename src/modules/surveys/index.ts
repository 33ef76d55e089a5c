// Feedback surveys: offered per delivered order, answered once through a public link.
export { surveyRoutes } from './surveys.routes.ts';
export { offerSurvey, getSurveyByToken, answerSurvey, type PublicSurveyView } from './surveys.service.ts';
export { surveyUrlPath } from './survey-token.ts';
