package plan

// EncodeOver returns the text of plan p written over original, the text
// it was read from: only what changed is rewritten, and every comment,
// blank line and key order of original is kept (FORMAT.md "More
// commands"). With no original (a new plan) it is Encode.
//
// Placeholder while the format-preserving editor is built: it encodes p
// canonically, as Encode does.
func EncodeOver(original []byte, p Plan) ([]byte, error) {
	return Encode(p)
}
