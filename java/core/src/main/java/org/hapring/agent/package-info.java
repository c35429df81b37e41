/**
 * Small Agrona-style agents: a {@link org.hapring.agent.Agent} does its work in {@code doWork()} and returns how
 * much it did; an {@link org.hapring.agent.AgentRunner} runs it on its own thread with an
 * {@link org.hapring.agent.IdleStrategy} between empty rounds, and tests drive {@code doWork()} themselves.
 */
package org.hapring.agent;
