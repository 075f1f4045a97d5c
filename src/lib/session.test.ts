import { describe, expect, it } from 'vitest'
import { createSession, INITIAL_PROMPT } from './session'

describe('the sandbox session', () => {
  it('starts at the prompt the terminal paints before the simulator has loaded', () => {
    expect(createSession().prompt()).toBe(INITIAL_PROMPT)
    expect(createSession({ scenario: 'aws' }).prompt()).toBe(INITIAL_PROMPT)
  })
})
