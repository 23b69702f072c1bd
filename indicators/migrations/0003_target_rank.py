from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0002_indicator_values"),
    ]

    operations = [
        migrations.AddField(
            model_name="target",
            name="rank",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="thứ hạng cần đạt"),
        ),
    ]
