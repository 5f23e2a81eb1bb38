from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("interop", "0001_import_run"),
    ]

    operations = [
        migrations.AddField(
            model_name="importrun",
            name="stored",
            field=models.BooleanField(default=False),
        ),
    ]
