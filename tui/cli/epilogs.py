"""The examples and notes at the end of each `--help`: the command's, then each verb's."""

MAIN = """commands, one example each:
  tunewise                                   open the wizard
  tunewise my.toml                           open a profile in the wizard
  tunewise assess my.toml                    costs, break-even and verdict
  tunewise prices gpt-4o                     catalog prices with sources
  tunewise diff old.toml new.toml            what changed, and why
  tunewise compare a.toml b.toml c.toml      profiles side by side
  tunewise show my.toml                      a short summary of a profile
  tunewise schema > profile.schema.json      JSON Schema for editors
  tunewise examples                          the shipped example profiles
  tunewise tokens prompt.txt                 token counts of real text
  tunewise new --from-example support-chatbot-10k my.toml

`tunewise COMMAND --help` describes a command and its options.
exit status: 0 success (or same), 1 different (diff, compare), 2 trouble"""

ASSESS = """examples:
  tunewise assess profiles/examples/support-chatbot-50k.toml
  tunewise assess profiles/examples/code-generation.toml --format json
  tunewise assess my.toml --prices team.toml --format markdown > report.md"""

PRICES = """examples:
  tunewise prices               every model the catalog prices
  tunewise prices gpt-4o        models whose id contains gpt-4o
  tunewise prices gpu           GPU-hour offers
  tunewise prices lora          LoRA training offers (also: full, rft, dpo, sft)
  tunewise prices --format json every entry with its confidence and date
  tunewise prices --update      fetch genai-prices' newest data (network)"""

DIFF = """examples:
  tunewise diff support-10k.toml support-50k.toml
  tunewise diff old.toml new.toml --format markdown > comment.md
  tunewise diff mine.toml --reprice          what today's prices change
  tunewise diff a.toml b.toml --fail-on verdict --fail-above 10

exit status: 0 same, 1 different (or past a --fail-* gate), 2 trouble"""

COMPARE = """examples:
  tunewise compare support-10k.toml support-50k.toml support-500k.toml
  tunewise compare plans/*.toml --format markdown > comment.md
  tunewise compare base.toml cheaper.toml --fail-on verdict
  tunewise compare base.toml *.toml --fail-above 25     gate in CI

The text table has one lettered column per profile (a legend names them) and
fits 80 columns, in blocks when there are many. Gates measure from the first
profile: --fail-on verdict trips when any verdict differs from the others,
--fail-above when an outcome moved by more than PERCENT from the first.

exit status: 0 same, 1 different (or past a --fail-* gate), 2 trouble"""

SHOW = """examples:
  tunewise show my.toml              name, date, verdict, key costs, break-even
  tunewise show my.toml --plain      one `key = value` line per value

git: with these lines `git diff` and `git log -p` show profiles as tunewise
reads them (see the README):
  echo '*.tunewise.toml diff=tunewise' >> .gitattributes
  git config diff.tunewise.textconv "tunewise show --plain"
"""

SCHEMA = """examples:
  tunewise schema > profile.schema.json
  (point an editor's TOML schema setting, e.g. taplo's, at that file)"""

EXAMPLES = """examples:
  tunewise examples
  tunewise new --from-example support-chatbot-50k mine.toml"""

NEW = """examples:
  tunewise new mine.toml                     the wizard on a blank assessment
  tunewise new --from-example support-chatbot-10k mine.toml
  tunewise new --from-example code-generation mine.toml --force

Without --from-example the wizard opens on a new assessment dated today, with
every answer unknown; ctrl+s saves it to FILE. With it, the example is copied
to FILE with its price and result snapshots (with the verdict and its
reasons); edit the answers, then `tunewise assess mine.toml`."""

OPEN = """examples:
  tunewise open my.toml                      the wizard on a saved profile
  tunewise open --example support-chatbot-50k   a shipped example (save a copy)
  tunewise compare a.toml b.toml             in a terminal: the compare screen
  tunewise compare a.toml b.toml | cat       piped: the text table"""

TOKENS = """examples:
  tunewise tokens system-prompt.txt few-shot.txt     each file and the total
  tunewise tokens prompt.txt --model anthropic:claude-3-5-sonnet
  tunewise tokens requests.jsonl --per-request       mean, min, max per request
  git show HEAD:prompt.txt | tunewise tokens -       text piped in

OpenAI and Azure OpenAI models are counted exactly, offline, with the
model's own encoding (o200k_base, cl100k_base) once the extra is installed:
  pip install 'tunewise[tokens]'
Other models, and OpenAI's without the extra, get an estimate labelled as
one: 4 characters a token.

--per-request reads one request per entry: in a .jsonl file, one a line (a
JSON string, or an object's "text", "prompt" or "input"); in any other file,
entries separated by a blank line.

exit status: 0 counted, 2 trouble (missing or unreadable file, unknown model)"""
