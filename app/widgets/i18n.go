package widgets

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"campaignsim/assets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Preference keys.
const (
	// PrefLanguage is the interface language: "auto" (the system's), "fr"
	// or "en".
	PrefLanguage = "language"
	// PrefTheme is the colour variant: "auto" (the system's), "light" or
	// "dark".
	PrefTheme = "theme"
)

// uiLang is the language the interface shows text and numbers in, set
// once at start by setupLanguage (a change applies at the next start).
var uiLang = plan.LangFR

// UIColon is ": " in English and " : " (no-break space) in French.
func UIColon() string {
	if uiLang == plan.LangEN {
		return ": "
	}
	return "\u00a0: "
}

// languageFor returns the interface language for the preference value
// pref ("auto", "fr", "en") and the system locale sys (e.g. "fr-FR",
// "en-US"). French is the default for any other system language.
func languageFor(pref string, sys fyne.Locale) plan.Language {
	switch pref {
	case "fr":
		return plan.LangFR
	case "en":
		return plan.LangEN
	}
	if strings.HasPrefix(strings.ToLower(sys.LanguageString()), "en") {
		return plan.LangEN
	}
	return plan.LangFR
}

var registerOnce sync.Once

// systemLocale returns the system's locale, or "" when the environment
// names none (unset, "C" or "POSIX": a bare session, a CI machine), so that
// the product's default, French, applies rather than Fyne's English.
func systemLocale() fyne.Locale {
	if _, c := cLocaleEnv(); c {
		return ""
	}
	if os.Getenv("LANGUAGE") == "" && os.Getenv("LC_ALL") == "" && os.Getenv("LC_MESSAGES") == "" && os.Getenv("LANG") == "" {
		return ""
	}
	return lang.SystemLocale()
}

// SetupLanguage chooses the interface language from the preference pref
// and the system locale, registers the translations of assets/i18n and
// makes Fyne's own texts (dialog buttons) follow that language.
func SetupLanguage(pref string) plan.Language {
	uiLang = languageFor(pref, systemLocale())
	// Fyne picks its language from the environment each time translations
	// are added: point it at the chosen one.
	forceLocaleEnv(string(uiLang))
	registerOnce.Do(func() {
		for _, l := range []string{"fr", "en"} {
			data, problems, err := mergedTranslations(assets.I18N, "i18n/"+l)
			for _, p := range problems {
				fyne.LogError("translations", errors.New(p))
			}
			if err == nil {
				err = lang.AddTranslationsForLocale(data, fyne.Locale(l))
			}
			if err != nil {
				fyne.LogError("translations "+l, err)
			}
		}
	})
	// Re-register one (tiny) bundle so Fyne re-reads the environment even
	// when the translations were registered before.
	_ = lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale(uiLang))
	return uiLang
}

// forceLocaleEnv sets the environment Fyne's locale lookup reads so that it
// yields code: LANGUAGE, and the first of LC_ALL, LC_MESSAGES, LANG when it
// says "C" or "POSIX" (which would disable LANGUAGE).
func forceLocaleEnv(code string) {
	_ = os.Setenv("LANGUAGE", code)
	if env, c := cLocaleEnv(); c {
		_ = os.Setenv(env, code)
	}
}

// cLocaleEnv returns the first of LC_ALL, LC_MESSAGES and LANG that is
// set, the one that decides the messages' locale, and whether it says "C"
// or "POSIX" (no language, which also disables LANGUAGE).
func cLocaleEnv() (env string, c bool) {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			return env, v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.")
		}
	}
	return "", false
}

// StageLabel names for people an objective's purpose (plan.Purposes) or
// a stage of the customer life cycle: the same words on the objectives
// editor and in the tracking; an unknown key is returned as it is.
func StageLabel(key string) string {
	switch key {
	case "awareness":
		return lang.L("Awareness")
	case "engagement":
		return lang.L("Engagement")
	case "leads":
		return lang.L("Lead generation")
	case "conversion":
		return lang.L("Conversion (sales)")
	case "sales":
		return lang.L("Sales")
	case "loyalty":
		return lang.L("Loyalty")
	}
	return key
}

// reservedKeys are the keys go-i18n (under Fyne's lang) reads as parts of
// a message rather than as message ids, compared without case: a file with
// one of them at its top level fails to load as a whole.
var reservedKeys = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true,
	"rightdelim": true, "zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// mergedTranslations reads every .json file of dir in fsys (each area of
// the app adds its own file) and merges their keys into one JSON object.
// It is lenient so that one area's slip does not cost every other area its
// translations: a key translated differently in two files keeps the first
// file's text (files in name order), and a key go-i18n cannot take (see
// reservedKeys) is left out; each such problem is returned in problems.
func mergedTranslations(fsys fs.FS, dir string) (data []byte, problems []string, err error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, err
	}
	merged := map[string]json.RawMessage{}
	from := map[string]string{}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, problems, err
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			problems = append(problems, fmt.Sprintf("%s/%s: not a JSON object of strings, left out: %v", dir, name, err))
			continue
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := m[k]
			switch prev, dup := merged[k]; {
			case reservedKeys[strings.ToLower(k)]:
				problems = append(problems, fmt.Sprintf("%s/%s: key %q is reserved by go-i18n and cannot be translated: use a longer English text", dir, name, k))
			case dup && string(prev) != string(v):
				problems = append(problems, fmt.Sprintf("%s: key %q is translated differently in %s and %s; keeping %s", dir, k, from[k], name, from[k]))
			case !dup:
				merged[k], from[k] = v, name
			}
		}
	}
	data, err = json.Marshal(merged)
	return data, problems, err
}

// Lang returns the language the screen's figures are written in:
// the interface language the shell chose at start (uiLang, i18n.go).
func Lang() plan.Language { return uiLang }

// SetLang sets the language the interface writes numbers and labels in
// (setupLanguage does at start; the tests set it to what they check).
func SetLang(l plan.Language) { uiLang = l }
