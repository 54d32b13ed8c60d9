// Package apptest holds what the tests of the desktop app's packages
// share: a test app with its languages set and put back, a queue standing
// for background work that the test drains, and ways to find and tap
// buttons. Only tests import it.
package apptest
