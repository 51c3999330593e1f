from django.db import migrations, models


class Migration(migrations.Migration):
    """Activity entries store their action's parameters, to be rendered when read."""

    dependencies = [
        ("accounts", "0002_audit_fields_may_be_blank"),
    ]

    operations = [
        migrations.AddField(
            model_name="activityentry",
            name="params",
            field=models.JSONField(blank=True, default=dict, verbose_name="parameters"),
        ),
    ]
