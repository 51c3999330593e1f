from django.db import migrations, models


class Migration(migrations.Migration):
    """The rendered sentence is no longer stored: ``params`` holds everything it said.

    Kept, the column would invite writing sentences again (in the writer's language). The
    default given first lets the migration run backwards on rows that have no sentence.
    """

    dependencies = [
        ("accounts", "0004_activity_descriptions_to_params"),
    ]

    operations = [
        migrations.AlterField(
            model_name="activityentry",
            name="description",
            field=models.CharField(
                blank=True, default="", max_length=300, verbose_name="description"
            ),
        ),
        migrations.RemoveField(
            model_name="activityentry",
            name="description",
        ),
    ]
