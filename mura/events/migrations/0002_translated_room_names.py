"""Rooms of sections and timetable items are named per language; the names they had
become the Kazakh ones."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("eventsection", "room", "room_kk"),
        migrations.AlterField(
            model_name="eventsection",
            name="room_kk",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="room (Kazakh)"
            ),
        ),
        migrations.AddField(
            model_name="eventsection",
            name="room_ru",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="room (Russian)"
            ),
        ),
        migrations.AddField(
            model_name="eventsection",
            name="room_en",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="room (English)"
            ),
        ),
        migrations.RenameField("programmeslot", "room", "room_kk"),
        migrations.AlterField(
            model_name="programmeslot",
            name="room_kk",
            field=models.CharField(
                blank=True,
                help_text="The section's room if empty.",
                max_length=200,
                verbose_name="room (Kazakh)",
            ),
        ),
        migrations.AddField(
            model_name="programmeslot",
            name="room_ru",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="room (Russian)"
            ),
        ),
        migrations.AddField(
            model_name="programmeslot",
            name="room_en",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="room (English)"
            ),
        ),
    ]
