{{ validated_model('vocabularies', [
    'vocabulary_domain', 'vocabulary_value', 'standard_value',
]) }}
