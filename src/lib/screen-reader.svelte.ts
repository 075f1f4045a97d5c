/**
 * xterm's screen reader mode: off by default (it costs an accessibility tree per row), on at the trainee's
 * request from the header, remembered like the theme. Every terminal on the page follows it.
 */
import { readPreference, writePreference } from './preferences'

class ScreenReaderState {
  on = $state(readPreference('screen-reader') === 'on')

  toggle(): void {
    this.on = !this.on
    writePreference('screen-reader', this.on ? 'on' : 'off')
  }
}

export const screenReader = new ScreenReaderState()
