
use builtin;
use str;

set edit:completion:arg-completer[mailaudit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mailaudit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mailaudit'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Audit everything about a domain''s mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one domain, or thousands with --domains-file)'
            cand spf 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)'
            cand mta-sts 'Audit a domain''s MTA-STS record and policy, fetched as a sender does (RFC 8461)'
            cand tlsrpt 'Audit a domain''s TLS-RPT record (RFC 8460)'
            cand dkim 'Audit a domain''s DKIM keys; generate keys, verify them and rotate them (`dkim keygen`, `dkim verify-published`, `dkim rotate`, `dkim status`)'
            cand dmarc 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy'
            cand bimi 'Audit a domain''s BIMI record and the DMARC policy it needs'
            cand mx 'Audit where a domain''s mail goes: MX hosts by preference, their addresses, reverse DNS'
            cand probe 'Probe a domain''s MX hosts live over SMTP and STARTTLS, as a sending server meets them'
            cand clients 'Check the endpoints users'' mail programs reach: submission, IMAP and POP3, found by RFC 6186 SRV records and probed live with STARTTLS and implicit TLS'
            cand diff 'Report what changed between two saved runs of `check`: findings new, cleared or changed, records and certificates changed, domains added or missing; nothing when nothing changed'
            cand report 'Make saved results of `check` into one self-contained HTML page: a summary of many domains with charts, a sortable table, each domain''s findings, records and MX hosts'
            cand lint 'Lint a record given as text, before publishing it'
            cand explain 'Explain a finding code, or list every code'
            cand completions 'Print a shell completion script'
            cand generate-docs 'Regenerate the committed completions and man page (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;check'= {
            cand --domains-file 'Also check the domains in this file, one per line (# comments and blank lines are skipped); - reads standard input. A domain whose lookups failed and a line that is not a domain are then data in their results, not a failed run (exit status 2 only when the run cannot go on)'
            cand --jobs 'Domains checked at once'
            cand --shard 'Check only entry I of every N (entries numbered from 0), to split a list across machines; auto takes I from the job engine''s environment (Kubernetes, Slurm, AWS Batch, Google Cloud Batch) and N from it too or from --shards'
            cand --shards 'The number of shards for --shard auto where the job engine does not say it (Kubernetes, AWS Batch); where it does, the two must agree'
            cand --output 'Write the results to FILE.partial, renamed to FILE once every domain has its result (an interrupted or failed run leaves FILE.partial, never FILE); nothing goes to stdout'
            cand --selector 'A DKIM selector to check (repeatable); without one, common selectors are tried'
            cand --state 'A DKIM rotation state file whose selectors are tried too (default: the user''s, if any)'
            cand --bimi-selector 'The BIMI selector'
            cand --probe-port 'A port to probe on every MX address (repeatable; 465 speaks TLS first)'
            cand --now 'Act as if today were DATE (YYYY-MM-DD) for the config file''s [[ignore]] until dates, for planning and tests'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --resume 'With --output and --format jsonl or csv: do nothing when FILE exists; else keep the whole results in FILE.partial, check only the domains it has none for, and finish FILE'
            cand --parked 'The domains send no mail: they should publish "v=spf1 -all" and DMARC p=reject'
            cand --no-probe 'Do not connect to the MX hosts (outbound port 25 is often blocked from home and cloud networks); DNS only'
            cand --clients 'Also check the endpoints users'' mail programs reach: submission, IMAP and POP3 from the RFC 6186 SRV records, probed live'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;spf'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand eval 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;spf;eval'= {
            cand --ip 'The connecting client''s IP address'
            cand --mail-from 'The MAIL FROM address ("" for the null sender, which uses postmaster@HELO)'
            cand --helo 'The HELO/EHLO name (checked itself when no --mail-from is given)'
            cand --receiver 'The receiving host''s name, for %{r} in explanations'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --trace 'Show every term evaluated and every DNS query made'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;spf;help'= {
            cand eval 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;spf;help;eval'= {
        }
        &'mailaudit;spf;help;help'= {
        }
        &'mailaudit;mta-sts'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;tlsrpt'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;dkim'= {
            cand --selector 'Selector to audit (repeatable); without one, widely used selectors are tried'
            cand --state 'Rotation state file whose selectors discovery tries too [default: the user''s]'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand keygen 'Generate a key pair and the TXT record to publish'
            cand verify-published 'Check that the published key is the public half of a private key file'
            cand rotate 'Rotate a domain''s keys: make the next key, activate it once published, revoke old ones'
            cand status 'Say what rotation work is due (for cron: exit 1 when something is due)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;dkim;keygen'= {
            cand --domain 'The signing domain (d=)'
            cand --selector 'The selector (s=) the key is published under'
            cand --algorithm 'algorithm'
            cand --bits 'RSA key size: 1024, 2048, 3072 or 4096 (less than 1024 is refused)'
            cand --out 'Directory to write the key and TXT files to [default: the current directory]'
            cand --hash 'Restrict the key to this hash (h=)'
            cand --service 'Restrict the key to this service (s=)'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --testing 'Publish with t=y (testing: verifiers treat signed mail like unsigned)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;dkim;verify-published'= {
            cand --domain 'domain'
            cand --selector 'selector'
            cand --key 'The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;dkim;rotate'= {
            cand --domain 'domain'
            cand --selector 'Selector for the next key instead of the template''s'
            cand --exec 'Command to run through `sh -c` after activation (e.g. reload the signer)'
            cand --exec-timeout 'Seconds --exec may run before it is killed (1 to 86400)'
            cand --state 'Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]'
            cand --now 'Act as if today were DATE (YYYY-MM-DD), for planning and tests'
            cand --interval 'Days between rotations [default: 90]'
            cand --overlap 'Days a replaced key stays published before it is revoked [default: 7]'
            cand --template 'Selector template: {year}, {quarter}, {month}, {alg} [default: s{year}q{quarter}]'
            cand --key-dir 'Directory for the domain''s keys [default: keys/DOMAIN beside the state file]'
            cand --algorithm 'Key algorithm(s) to rotate (repeat for RSA and Ed25519 side by side) [default: rsa]'
            cand --bits 'RSA key size [default: 2048]'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --activate 'Activate the pending key once its record is published and matches'
            cand --revoke 'Revoke retiring keys past their overlap once the empty record is published'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;dkim;status'= {
            cand --domain 'Only this domain of the state (repeatable); default: every domain'
            cand --state 'Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]'
            cand --now 'Act as if today were DATE (YYYY-MM-DD), for planning and tests'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;dkim;help'= {
            cand keygen 'Generate a key pair and the TXT record to publish'
            cand verify-published 'Check that the published key is the public half of a private key file'
            cand rotate 'Rotate a domain''s keys: make the next key, activate it once published, revoke old ones'
            cand status 'Say what rotation work is due (for cron: exit 1 when something is due)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;dkim;help;keygen'= {
        }
        &'mailaudit;dkim;help;verify-published'= {
        }
        &'mailaudit;dkim;help;rotate'= {
        }
        &'mailaudit;dkim;help;status'= {
        }
        &'mailaudit;dkim;help;help'= {
        }
        &'mailaudit;dmarc'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;bimi'= {
            cand --selector 'The BIMI selector: the record is looked up at SELECTOR._bimi.DOMAIN'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;mx'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;probe'= {
            cand --host 'Probe this host instead of the domain''s MX hosts: a name (looked up), an address, with a port that overrides --port (repeatable)'
            cand --port 'Port to probe (repeatable or comma-separated): 25 (relay), 587 and 2525 (STARTTLS), 465 (implicit TLS)'
            cand --implicit-tls-port 'A port that speaks TLS from the first byte instead of STARTTLS (repeatable)'
            cand --ehlo 'The name to give in EHLO (default: this machine''s host name)'
            cand --jobs 'Sessions at once'
            cand --deadline 'Seconds the whole probe may take: sessions that start late get what is left, and those whose turn comes after it are not started (counted in smtp-probe-deadline)'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --rcpt-test 'Also send MAIL FROM:<> and RCPT TO:<postmaster@DOMAIN>, then RSET, to see whether postmaster is accepted (no message is sent)'
            cand --transcript 'Show the SMTP dialogue (sent and received lines, the TLS handshake summarised)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;clients'= {
            cand --host 'A host to probe on the standard ports when the domain publishes no SRV record (repeatable): a name or an address'
            cand --service 'Only these services (repeatable or comma-separated)'
            cand --port 'Probe a service on this port at --host hosts instead of its standard ports (repeatable), e.g. imaps=10993'
            cand --ehlo 'The name to give in EHLO to submission servers (default: this machine''s host name)'
            cand --jobs 'Sessions at once'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --transcript 'Show each dialogue (sent and received lines, the TLS handshake summarised)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;diff'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;report'= {
            cand -o 'Write the page to FILE (made whole beside it, then renamed into place); without it, to standard output'
            cand --output 'Write the page to FILE (made whole beside it, then renamed into place); without it, to standard output'
            cand --baseline 'An earlier run''s results: the page gets a "What changed" section, as `diff` sees it'
            cand --max-domains 'List at most N domains in the table and sections of a page of many: those with the most errors, then warnings (the summary counts every one); 0 lists them all'
            cand --now 'Count days to certificate expiry from DATE (YYYY-MM-DD) instead of today'
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand spf 'Lint an SPF record given as text'
            cand mta-sts 'Lint an MTA-STS TXT record (_mta-sts) given as text'
            cand mta-sts-policy 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"'
            cand tlsrpt 'Lint a TLS-RPT TXT record (_smtp._tls) given as text'
            cand dkim 'Lint a DKIM key record given as text'
            cand dmarc 'Lint a DMARC record given as text (or in a file, or on stdin)'
            cand bimi 'Lint a BIMI record given as text (or in a file, or on stdin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;lint;spf'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand --resolve 'Follow include and redirect through DNS to count lookups across the whole tree'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;mta-sts'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;mta-sts-policy'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;tlsrpt'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;dkim'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;dmarc'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;bimi'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;lint;help'= {
            cand spf 'Lint an SPF record given as text'
            cand mta-sts 'Lint an MTA-STS TXT record (_mta-sts) given as text'
            cand mta-sts-policy 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"'
            cand tlsrpt 'Lint a TLS-RPT TXT record (_smtp._tls) given as text'
            cand dkim 'Lint a DKIM key record given as text'
            cand dmarc 'Lint a DMARC record given as text (or in a file, or on stdin)'
            cand bimi 'Lint a BIMI record given as text (or in a file, or on stdin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;lint;help;spf'= {
        }
        &'mailaudit;lint;help;mta-sts'= {
        }
        &'mailaudit;lint;help;mta-sts-policy'= {
        }
        &'mailaudit;lint;help;tlsrpt'= {
        }
        &'mailaudit;lint;help;dkim'= {
        }
        &'mailaudit;lint;help;dmarc'= {
        }
        &'mailaudit;lint;help;bimi'= {
        }
        &'mailaudit;lint;help;help'= {
        }
        &'mailaudit;explain'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;completions'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;generate-docs'= {
            cand --resolver 'DNS server to ask instead of the system''s resolvers, as IP or IP:PORT (repeatable)'
            cand --zone 'Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable); names not in the files are NXDOMAIN'
            cand --timeout 'Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of an SMTP, IMAP or POP3 session'
            cand --budget 'Seconds one domain''s audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may take in all; what is not reached by then is reported as such'
            cand --dns-concurrency 'DNS queries in flight at once'
            cand --qps 'Send at most N DNS queries per second to each resolver (public resolvers rate-limit around 100-1,500 per second per client)'
            cand --format 'Output format (jsonl: one JSON object per line, written as each record is ready)'
            cand --color 'When to colour text output (NO_COLOR is honoured with auto)'
            cand --fail-on 'Exit with status 1 when a finding is at or above this severity'
            cand --ca-file 'Trust the CA certificates in this PEM file too, besides the public roots (for a private PKI)'
            cand --config 'Read defaults, per-domain settings, the desired state and suppressions from this TOML file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or ~/.config, when there]'
            cand --mta-sts-port 'The port the MTA-STS policy is fetched from (for tests; senders always use 443)'
            cand -q 'Print only findings, and nothing when there are none'
            cand --quiet 'Print only findings, and nothing when there are none'
            cand --no-ignore 'Show and count every finding: the config file''s [[ignore]] suppressions do not apply'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mailaudit;help'= {
            cand check 'Audit everything about a domain''s mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one domain, or thousands with --domains-file)'
            cand spf 'Audit a domain''s SPF policy, or evaluate it for a client IP (`spf eval`)'
            cand mta-sts 'Audit a domain''s MTA-STS record and policy, fetched as a sender does (RFC 8461)'
            cand tlsrpt 'Audit a domain''s TLS-RPT record (RFC 8460)'
            cand dkim 'Audit a domain''s DKIM keys; generate keys, verify them and rotate them (`dkim keygen`, `dkim verify-published`, `dkim rotate`, `dkim status`)'
            cand dmarc 'Audit a domain''s DMARC policy: the record that applies, the tree walk, the effective policy'
            cand bimi 'Audit a domain''s BIMI record and the DMARC policy it needs'
            cand mx 'Audit where a domain''s mail goes: MX hosts by preference, their addresses, reverse DNS'
            cand probe 'Probe a domain''s MX hosts live over SMTP and STARTTLS, as a sending server meets them'
            cand clients 'Check the endpoints users'' mail programs reach: submission, IMAP and POP3, found by RFC 6186 SRV records and probed live with STARTTLS and implicit TLS'
            cand diff 'Report what changed between two saved runs of `check`: findings new, cleared or changed, records and certificates changed, domains added or missing; nothing when nothing changed'
            cand report 'Make saved results of `check` into one self-contained HTML page: a summary of many domains with charts, a sortable table, each domain''s findings, records and MX hosts'
            cand lint 'Lint a record given as text, before publishing it'
            cand explain 'Explain a finding code, or list every code'
            cand completions 'Print a shell completion script'
            cand generate-docs 'Regenerate the committed completions and man page (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mailaudit;help;check'= {
        }
        &'mailaudit;help;spf'= {
            cand eval 'Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)'
        }
        &'mailaudit;help;spf;eval'= {
        }
        &'mailaudit;help;mta-sts'= {
        }
        &'mailaudit;help;tlsrpt'= {
        }
        &'mailaudit;help;dkim'= {
            cand keygen 'Generate a key pair and the TXT record to publish'
            cand verify-published 'Check that the published key is the public half of a private key file'
            cand rotate 'Rotate a domain''s keys: make the next key, activate it once published, revoke old ones'
            cand status 'Say what rotation work is due (for cron: exit 1 when something is due)'
        }
        &'mailaudit;help;dkim;keygen'= {
        }
        &'mailaudit;help;dkim;verify-published'= {
        }
        &'mailaudit;help;dkim;rotate'= {
        }
        &'mailaudit;help;dkim;status'= {
        }
        &'mailaudit;help;dmarc'= {
        }
        &'mailaudit;help;bimi'= {
        }
        &'mailaudit;help;mx'= {
        }
        &'mailaudit;help;probe'= {
        }
        &'mailaudit;help;clients'= {
        }
        &'mailaudit;help;diff'= {
        }
        &'mailaudit;help;report'= {
        }
        &'mailaudit;help;lint'= {
            cand spf 'Lint an SPF record given as text'
            cand mta-sts 'Lint an MTA-STS TXT record (_mta-sts) given as text'
            cand mta-sts-policy 'Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"'
            cand tlsrpt 'Lint a TLS-RPT TXT record (_smtp._tls) given as text'
            cand dkim 'Lint a DKIM key record given as text'
            cand dmarc 'Lint a DMARC record given as text (or in a file, or on stdin)'
            cand bimi 'Lint a BIMI record given as text (or in a file, or on stdin)'
        }
        &'mailaudit;help;lint;spf'= {
        }
        &'mailaudit;help;lint;mta-sts'= {
        }
        &'mailaudit;help;lint;mta-sts-policy'= {
        }
        &'mailaudit;help;lint;tlsrpt'= {
        }
        &'mailaudit;help;lint;dkim'= {
        }
        &'mailaudit;help;lint;dmarc'= {
        }
        &'mailaudit;help;lint;bimi'= {
        }
        &'mailaudit;help;explain'= {
        }
        &'mailaudit;help;completions'= {
        }
        &'mailaudit;help;generate-docs'= {
        }
        &'mailaudit;help;help'= {
        }
    ]
    $completions[$command]
}
