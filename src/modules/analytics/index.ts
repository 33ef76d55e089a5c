export { analyticsRoutes } from './analytics.routes.ts';
export { summary, SUMMARY_WINDOW_DAYS_MAX } from './summary.service.ts';
export { feedbackReport, type FeedbackGroup } from './feedback.service.ts';
export { stagesReport, stageOrderList, LATE_AFTER_HOURS_DEFAULT } from './stages.service.ts';
export { STAGES, type Stage } from './stages.queries.ts';
