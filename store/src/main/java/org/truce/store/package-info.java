/** placeholder */ package org.truce.store;
