from django.db import migrations

from core.text import clean_text

# Entries written before the forms cleaned their text may name a channel or a person with
# invisible characters (a right-to-left override showed "evil‮txt.exe" in the log): their
# parameters and kept sentences get the cleaning new input gets.


def clean_params(apps, schema_editor):
    Entry = apps.get_model("accounts", "ActivityEntry")
    changed = []
    for entry in Entry.objects.only("pk", "params").iterator(chunk_size=500):
        params = {
            key: clean_text(value, multiline=False).strip() if isinstance(value, str) else value
            for key, value in (entry.params or {}).items()
        }
        if params != entry.params:
            entry.params = params
            changed.append(entry)
    Entry.objects.bulk_update(changed, ["params"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_unique_rules_in_the_database")]

    operations = [migrations.RunPython(clean_params, migrations.RunPython.noop)]
