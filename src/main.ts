import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { openSharedIdbStore } from './lib/storage/idb-store'

// the saved work is read before any page asks for it (the page reports a failure itself when it asks)
openSharedIdbStore().catch(() => {})

const app = mount(App, { target: document.getElementById('app')! })

export default app
