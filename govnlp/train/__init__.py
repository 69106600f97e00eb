"""Training commands: ``govnlp train pretrain`` (our small Chinese BERT) and ``govnlp train ner``."""
