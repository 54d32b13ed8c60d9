// Package widgets is the contract the screens of CampaignSim's desktop
// app share with the shell (package app) and with each other: the Panel
// interface, the edit function and the results a panel receives, the
// field widgets and their parsers, tables and formatting helpers, the
// theme, and the one accessor of the interface language (Lang). It
// imports neither the shell nor a screen, so both can import it.
package widgets
