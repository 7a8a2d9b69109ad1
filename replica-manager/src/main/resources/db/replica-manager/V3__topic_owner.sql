-- Who owns a topic: NULL for a topic created over the Kafka API (or HTTP); the Topic resource's
-- "k8s:<namespace>/<name>" for one the Kubernetes operator created. The operator deletes only topics it
-- owns, so a topic created over the Kafka API survives the deletion of a Topic resource that adopted it.
ALTER TABLE topics ADD COLUMN managed_by text;
