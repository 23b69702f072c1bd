from django.db import migrations, models


class Migration(migrations.Migration):
    """After accounts 0004 moved every "thành phố/huyện" name to an AdminArea, the text column goes."""

    dependencies = [
        ('communes', '0003_special_zone_kind'),
        ('accounts', '0004_city_viewers_to_areas'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='commune',
            name='unique_commune',
        ),
        migrations.RemoveField(
            model_name='commune',
            name='parent_city',
        ),
        migrations.AddConstraint(
            model_name='commune',
            constraint=models.UniqueConstraint(fields=('kind', 'name', 'area'), name='unique_commune'),
        ),
        migrations.AddConstraint(
            model_name='commune',
            constraint=models.UniqueConstraint(condition=models.Q(('area__isnull', True)), fields=('kind', 'name'), name='unique_commune_without_area'),
        ),
    ]
