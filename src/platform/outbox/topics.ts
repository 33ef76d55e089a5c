// Topic patterns, as subscribers and webhook endpoints name the events they want: an exact
// topic (`order.created`), every topic under a prefix (`order.*` matches `order.created`
// and `order.ready_for_pickup`, not `orders.x`), or `*` for everything.

const TOPIC = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;
export const TOPIC_MAX_LENGTH = 100;

/** True when the string is a well-formed topic pattern. */
export function isTopicPattern(pattern: string): boolean {
  return pattern.length <= TOPIC_MAX_LENGTH && PATTERN.test(pattern);
}

/** True when the string is a well-formed topic (no wildcard). */
export function isTopic(topic: string): boolean {
  return topic.length <= TOPIC_MAX_LENGTH && TOPIC.test(topic);
}

/** True when the topic is one the pattern names. */
export function topicMatches(pattern: string, topic: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return topic.startsWith(pattern.slice(0, -1));
  return pattern === topic;
}

/** True when any of the patterns names the topic. */
export function anyTopicMatches(patterns: readonly string[], topic: string): boolean {
  return patterns.some((pattern) => topicMatches(pattern, topic));
}
