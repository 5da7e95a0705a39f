DROP FUNCTION touch_created();
