# Validates test scripts against docs/script.schema.json: validate_scripts.py SCHEMA FILE...
# Run by SchemaTest with Debian's python3-jsonschema and python3-yaml.
import json, sys, yaml, jsonschema
class Loader(yaml.SafeLoader):
    pass
# YAML 1.2 reading: 'on', 'yes', 'no' are strings, as in Jackson and in editors' YAML 1.2 mode.
Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:bool'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for f in sys.argv[2:]:
    for e in v.iter_errors(yaml.load(open(f), Loader=Loader)):
        best = jsonschema.exceptions.best_match([e])
        print(f"{f}: {list(best.absolute_path)}: {best.message[:200]}")
        bad += 1
sys.exit(1 if bad else 0)
